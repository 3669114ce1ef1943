/**
 * Several platform nodes on one PostgreSQL: a message bus between the nodes over PostgreSQL's LISTEN/NOTIFY
 * (what one node commits, the others hear: live events, cache invalidation, device commands), and jobs that
 * run on one node at a time (PostgreSQL advisory locks). On a single node both cost one query and change
 * nothing. Depends only on the database; with Kafka named, also creates the platform's topics
 * ({@link org.lantian.platform.cluster.KafkaTopics}).
 */
package org.lantian.platform.cluster;
