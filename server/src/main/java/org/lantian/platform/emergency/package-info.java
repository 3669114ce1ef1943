/**
 * Heavy-pollution weather response (重污染天气应急): the forecasting centre's AQI forecasts, the warning level
 * the rules of the day propose from them (STANDARDS §4.1, §4.2, kept as versioned data), and the warnings the
 * city office issues, changes and lifts, every step with its reason and audited.
 */
package org.lantian.platform.emergency;
