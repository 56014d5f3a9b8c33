package org.tongxing.servicerecord.profile;

import java.time.Instant;

/**
 * Who withdrew an entry of a service profile, when and why. A withdrawn entry is kept,
 * shown struck through to admins and hidden from the volunteer.
 *
 * @param by the display name of the admin's account
 * @param reason why; {@code null} once the volunteer was anonymised
 */
public record Withdrawal(Instant at, String by, String reason) {
}
