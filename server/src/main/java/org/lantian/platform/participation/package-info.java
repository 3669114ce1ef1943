/**
 * Public participation (公众参与): reports and suggestions from anyone (举报、建言献策) with photos and a position,
 * each with a tracking code that reveals its status only; an intake queue where the city office turns a report
 * into a push to the county that owns the place, answers it or dismisses it. Anti-abuse without a third-party
 * service: a rate per address and for everyone, photos checked by their bytes, the reporter's contact and address
 * shown to the office only.
 */
package org.lantian.platform.participation;
