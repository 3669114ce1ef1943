/**
 * Joint prevention with the neighbouring cities (联防联控): the national network's stations of Xingtai, Anyang
 * and the other cities around Handan with their real-time AQI; a border comparison that says how many hours a
 * neighbour's PM2.5 leads the nearest Handan county's (a lagged cross-correlation of the two hourly series);
 * and warnings exchanged with neighbours as Ed25519-signed documents over the alerts module's webhook outbox,
 * each received document checked against the neighbour's registered public key.
 */
package org.lantian.platform.neighbours;
