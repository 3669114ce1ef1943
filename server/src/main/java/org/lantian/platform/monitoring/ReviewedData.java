package org.lantian.platform.monitoring;

import java.time.YearMonth;
import java.util.Set;

/**
 * Which months' data have been reviewed (audited). Revising a value of a reviewed month needs the city
 * office. Implemented by the module that keeps the review (airquality); monitoring only asks.
 */
public interface ReviewedData {

    /** The reviewed months among {@code months}. */
    Set<YearMonth> reviewed(Set<YearMonth> months);
}
