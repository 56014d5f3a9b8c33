package org.tongxing.servicerecord;

import org.tongxing.activity.SessionId;

/** The outcome of a check-in scan, with the attendance as it now stands. */
public record ScanResult(ScanOutcome outcome, SessionId session, AttendanceView attendance) {
}
