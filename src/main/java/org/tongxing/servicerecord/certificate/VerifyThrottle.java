package org.tongxing.servicerecord.certificate;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits certificate look-ups on the public verify page per remote address, so that
 * verification codes cannot be enumerated:
 * {@code tongxing.servicerecord.certificate.verify-limit} look-ups (default 30) per
 * {@code verify-window} (default 10 minutes), refilled gradually. Buckets live in memory
 * on each node, bounded by Caffeine, as the sign-in throttle's do; with N nodes an
 * address gets N times the limit, which against 2^59 codes changes nothing.
 */
@Component
class VerifyThrottle {

	private final int limit;

	private final Duration window;

	private final Cache<String, Bucket> buckets;

	VerifyThrottle(@Value("${tongxing.servicerecord.certificate.verify-limit:30}") int limit,
			@Value("${tongxing.servicerecord.certificate.verify-window:PT10M}") Duration window) {
		this.limit = limit;
		this.window = window;
		// a bucket untouched for a window is full again, so forgetting it loses nothing
		this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window).build();
	}

	/**
	 * Counts a look-up from the address.
	 * @return empty when it may go ahead, else how long to wait
	 */
	Optional<Duration> lookUp(String address) {
		Bucket bucket = this.buckets.get((address != null) ? address : "",
				(key) -> Bucket.builder()
					.addLimit((l) -> l.capacity(this.limit).refillGreedy(this.limit, this.window))
					.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

}
