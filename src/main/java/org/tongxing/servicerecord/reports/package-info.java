/**
 * Reports and exports of service records: the volunteer's stars fragment, the annual duty
 * report (who served under the yearly hours), the national-fields export of a unit's
 * records, a volunteer's own history export, and the coordinators' working-day calendar.
 * Internal to the servicerecord module.
 */
package org.tongxing.servicerecord.reports;
