package org.tongxing.volunteer.registration;

import org.tongxing.volunteer.VolunteerId;

/**
 * A person registered themselves and is to get a link that verifies their email; kept in
 * the event publication registry so the mail is retried until it is sent.
 */
public record VerificationLinkRequested(VolunteerId volunteer) {
}
