/**
 * A volunteer's service profile beside the hours ledger: training records, awards
 * (government awards only with their proof), evaluations and complaints. Admins of the
 * volunteer's unit add them on {@code /volunteers/{id}/service}; the volunteer reads
 * their own on {@code /me/record}. Entries are append-only: nothing is edited or deleted,
 * only a complaint moves once from open to upheld or dismissed.
 */
package org.tongxing.servicerecord.profile;
