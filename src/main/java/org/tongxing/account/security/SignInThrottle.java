package org.tongxing.account.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

import org.tongxing.account.AccountProperties;

/**
 * Counts failed sign-ins per account and per remote address in token buckets and says how
 * long a throttled sign-in must wait.
 * <p>
 * The buckets live in memory on each node, bounded by Caffeine. With N nodes behind a
 * load balancer an attacker gets at most N times the limit, which still leaves a few
 * hundred guesses an hour against passwords that the policy keeps out of the common
 * lists; that is why a shared (database) counter, with a write on every failed sign-in,
 * is not worth it here. A restart forgets the counts, which only helps legitimate users.
 */
public class SignInThrottle {

	private final AccountProperties.Throttle limits;

	private final TimeMeter clock;

	private final Cache<String, Bucket> byAccount;

	private final Cache<String, Bucket> byAddress;

	public SignInThrottle(AccountProperties.Throttle limits) {
		this(limits, TimeMeter.SYSTEM_MILLISECONDS);
	}

	SignInThrottle(AccountProperties.Throttle limits, TimeMeter clock) {
		this.limits = limits;
		this.clock = clock;
		this.byAccount = cache(limits);
		this.byAddress = cache(limits);
	}

	private static Cache<String, Bucket> cache(AccountProperties.Throttle limits) {
		// A bucket untouched for one window is full again, so forgetting it loses
		// nothing.
		return Caffeine.newBuilder().maximumSize(limits.maxTracked()).expireAfterAccess(limits.window()).build();
	}

	/**
	 * @return how long to wait before the next attempt may be checked, empty when it may
	 * be checked now
	 */
	public Optional<Duration> retryAfter(String username, String address) {
		long nanos = Math.max(wait(this.byAccount.getIfPresent(accountKey(username))),
				wait(this.byAddress.getIfPresent(addressKey(address))));
		return (nanos > 0) ? Optional.of(Duration.ofNanos(nanos)) : Optional.empty();
	}

	/** Counts a failed attempt against both the account and the address. */
	public void failed(String username, String address) {
		this.byAccount.get(accountKey(username), (key) -> bucket(this.limits.perAccount())).tryConsume(1);
		this.byAddress.get(addressKey(address), (key) -> bucket(this.limits.perAddress())).tryConsume(1);
	}

	/**
	 * Forgets the account's failures after a successful sign-in; the address keeps its
	 * count, so one known password does not unlock guessing others from there.
	 */
	public void succeeded(String username) {
		this.byAccount.invalidate(accountKey(username));
	}

	private static long wait(Bucket bucket) {
		if (bucket == null) {
			return 0;
		}
		EstimationProbe probe = bucket.estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
	}

	private Bucket bucket(int capacity) {
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(capacity).refillGreedy(capacity, this.limits.window()))
			.withCustomTimePrecision(this.clock)
			.build();
	}

	private static String accountKey(String username) {
		return (username != null) ? username.trim().toLowerCase(Locale.ROOT) : "";
	}

	private static String addressKey(String address) {
		return (address != null) ? address : "";
	}

}
