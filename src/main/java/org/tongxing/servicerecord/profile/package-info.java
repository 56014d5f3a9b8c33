/**
 * A volunteer's service profile beside the hours ledger: training records, awards
 * (government awards only with their proof), evaluations and complaints. Admins of the
 * volunteer's unit add them on {@code /volunteers/{id}/service}, correct or withdraw them
 * on {@code /volunteers/{id}/service/<kind>/{entryId}/edit} (a withdrawn entry is kept
 * with who, when and why, struck through for admins and hidden from the volunteer); the
 * volunteer reads their own on {@code /me/record}. A complaint moves once from open to
 * upheld or dismissed. When a volunteer is anonymised, {@code ServiceRecordErasure}
 * erases the module's free texts and files about them.
 */
package org.tongxing.servicerecord.profile;
