package org.tongxing.activity;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute, on one node at a time (ShedLock), ends the offered places not confirmed
 * in time and offers them to the next on the waitlist.
 */
@Component
class OfferExpiryJob {

	private final SignUps signUps;

	OfferExpiryJob(SignUps signUps) {
		this.signUps = signUps;
	}

	@Scheduled(fixedDelayString = "${tongxing.activity.offer-check-interval:PT1M}",
			initialDelayString = "${tongxing.activity.offer-check-interval:PT1M}")
	@SchedulerLock(name = "activity-offer-expiry", lockAtMostFor = "PT10M")
	void expireOffers() {
		this.signUps.expireOffers();
	}

}
