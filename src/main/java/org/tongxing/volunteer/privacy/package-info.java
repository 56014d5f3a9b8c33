/**
 * Personal-data rights (PIPL) and upkeep: a volunteer's download of all of their data
 * (JSON, xlsx), their deletion request and its confirmation by a coordinator
 * (anonymisation), the retention list of volunteers who left long ago, the background
 * re-encryption after a key rotation, and the spreadsheet cell escaping every export
 * uses. Internal to the volunteer module.
 */
package org.tongxing.volunteer.privacy;
