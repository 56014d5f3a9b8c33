package org.tongxing.servicerecord;

import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few minutes, on one node at a time (ShedLock), closes the attendances whose
 * volunteers never checked out, at their session's end, for the organiser to confirm.
 */
@Component
class MissingCheckOutJob {

	private final CheckIns checkIns;

	MissingCheckOutJob(CheckIns checkIns) {
		this.checkIns = checkIns;
	}

	@Scheduled(fixedDelayString = "${tongxing.servicerecord.close-interval:PT5M}",
			initialDelayString = "${tongxing.servicerecord.close-interval:PT5M}")
	@SchedulerLock(name = "servicerecord-close-missing", lockAtMostFor = "PT10M")
	void closeMissing() {
		this.checkIns.closeMissing(Instant.now());
	}

}
