/**
 * Service records: check-in and check-out (rotating QR codes, typed codes, volunteer
 * cards, bulk attendance), the hours policy, the append-only ledger of service entries
 * with corrections and self-declared hours, the working-day deadline for confirming them,
 * training, awards, evaluations, complaints, star levels and verifiable certificates.
 * Other modules use {@link org.tongxing.servicerecord.ServiceRecords},
 * {@link org.tongxing.servicerecord.CheckIns}, the views and the events of this package;
 * sub-packages are internal.
 */
@ApplicationModule(displayName = "Service records")
package org.tongxing.servicerecord;

import org.springframework.modulith.ApplicationModule;
