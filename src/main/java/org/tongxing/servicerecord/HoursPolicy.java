package org.tongxing.servicerecord;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * How attended time becomes service hours, set per activity (or the association's
 * default). In this order: the time counted is capped at the session's length; below the
 * minimum share of the session it counts nothing; a position with fixed hours gets those
 * (never more than the session's length); otherwise whole hours count as they are and the
 * minutes of the last, started hour fall into a bucket: with {@code 15:0,45:0.5,60:1},
 * fewer than 15 minutes count 0 h, fewer than 45 half an hour, the rest a whole hour.
 * Without buckets the time counts exactly, to a hundredth of an hour (rounded down).
 *
 * @param minSharePercent the share of the session one must attend for any hours (0 for
 * none)
 * @param buckets by ascending bound, the last bound 60
 */
public record HoursPolicy(int minSharePercent, List<Bucket> buckets) {

	private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

	public HoursPolicy {
		if (minSharePercent < 0 || minSharePercent > 100) {
			throw new IllegalArgumentException("The minimum share is a percentage");
		}
		buckets = List.copyOf(buckets);
		int previous = 0;
		BigDecimal previousHours = BigDecimal.ZERO;
		for (Bucket bucket : buckets) {
			if (bucket.belowMinutes() <= previous || bucket.hours().compareTo(previousHours) < 0
					|| bucket.hours().compareTo(BigDecimal.ONE) > 0) {
				throw new IllegalArgumentException("Buckets rise in minutes and hours, up to one hour");
			}
			previous = bucket.belowMinutes();
			previousHours = bucket.hours();
		}
		if (!buckets.isEmpty() && previous != 60) {
			throw new IllegalArgumentException("The last bucket ends at 60 minutes");
		}
	}

	/**
	 * Minutes of a started hour fewer than {@code belowMinutes} (and not fewer than the
	 * previous bucket's bound) count {@code hours}.
	 */
	public record Bucket(int belowMinutes, BigDecimal hours) {
	}

	/**
	 * Reads buckets written as {@code 15:0,45:0.5,60:1}; blank means none.
	 * @throws IllegalArgumentException when they cannot be read or do not rise to 60
	 */
	public static HoursPolicy of(int minSharePercent, String buckets) {
		List<Bucket> parsed = new ArrayList<>();
		if (buckets != null && !buckets.isBlank()) {
			for (String part : buckets.split(",")) {
				String[] pair = part.trim().split(":");
				if (pair.length != 2) {
					throw new IllegalArgumentException("A bucket is minutes:hours");
				}
				try {
					parsed.add(new Bucket(Integer.parseInt(pair[0].trim()), new BigDecimal(pair[1].trim())));
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("A bucket is minutes:hours", ex);
				}
			}
		}
		return new HoursPolicy(minSharePercent, parsed);
	}

	/** The buckets as {@link #of} reads them. */
	public String bucketsText() {
		return String.join(",",
				this.buckets.stream()
					.map((bucket) -> bucket.belowMinutes() + ":" + bucket.hours().stripTrailingZeros().toPlainString())
					.toList());
	}

	/**
	 * The buckets in words, in the reader's language when a message source resolves it
	 * (as an argument of a message, too): {@code 15:0,45:0.5,60:1} reads "a started hour
	 * counts 0 h under 15 min, 0.5 h under 45 min, otherwise 1 h". Keys
	 * {@code servicerecord.rule.buckets*} and {@code servicerecord.rule.bucket.*}.
	 * @return null without buckets
	 */
	public MessageSourceResolvable bucketsDescription() {
		if (this.buckets.isEmpty()) {
			return null;
		}
		return message("servicerecord.rule.buckets", items(0));
	}

	/** The buckets from {@code from} on, joined. */
	private MessageSourceResolvable items(int from) {
		Bucket bucket = this.buckets.get(from);
		String hours = plain(bucket.hours());
		boolean none = bucket.hours().signum() == 0;
		MessageSourceResolvable item;
		if (this.buckets.size() == 1) {
			// one bucket: every started hour counts the same
			item = none ? message("servicerecord.rule.bucket.all-zero")
					: message("servicerecord.rule.bucket.all", hours);
		}
		else if (from == this.buckets.size() - 1) {
			item = none ? message("servicerecord.rule.bucket.rest-zero")
					: message("servicerecord.rule.bucket.rest", hours);
		}
		else {
			String minutes = String.valueOf(bucket.belowMinutes());
			item = none ? message("servicerecord.rule.bucket.below-zero", minutes)
					: message("servicerecord.rule.bucket.below", minutes, hours);
		}
		return (from == this.buckets.size() - 1) ? item
				: message("servicerecord.rule.buckets.join", item, items(from + 1));
	}

	private static MessageSourceResolvable message(String code, Object... arguments) {
		return new DefaultMessageSourceResolvable(new String[] { code }, (arguments.length > 0) ? arguments : null);
	}

	/**
	 * A rule's stored arguments ready for its message: a rounding rule's buckets (stored
	 * as {@code 15:0,45:0.5,60:1}) become {@link #bucketsDescription() words}; the others
	 * stay as stored. The ledger keeps what it stored, so entries recorded before read
	 * the new way as well; buckets that cannot be read stay as they are.
	 */
	public static Object[] ruleArguments(String rule, List<String> arguments) {
		Object[] result = arguments.toArray();
		if (rule != null && rule.startsWith("servicerecord.rule.rounded") && result.length > 2) {
			try {
				MessageSourceResolvable words = of(0, arguments.get(2)).bucketsDescription();
				if (words != null) {
					result[2] = words;
				}
			}
			catch (IllegalArgumentException ex) {
				// an argument that is not buckets: shown as stored
			}
		}
		return result;
	}

	/**
	 * The hours for time attended in a session of the given length.
	 * @param fixedHours the position's fixed hours, or null to count the time
	 */
	public HoursResult hoursFor(Duration attended, Duration sessionLength, BigDecimal fixedHours) {
		if (attended.isNegative() || attended.isZero()) {
			return new HoursResult(BigDecimal.ZERO.setScale(2), "servicerecord.rule.none", List.of());
		}
		boolean capped = attended.compareTo(sessionLength) > 0;
		Duration counted = capped ? sessionLength : attended;
		String measured = clock(counted);
		if (this.minSharePercent > 0
				&& counted.toSeconds() * 100 < sessionLength.toSeconds() * (long) this.minSharePercent) {
			return new HoursResult(BigDecimal.ZERO.setScale(2), "servicerecord.rule.below-share",
					List.of(measured, clock(sessionLength), String.valueOf(this.minSharePercent)));
		}
		if (fixedHours != null) {
			BigDecimal length = exact(sessionLength);
			BigDecimal hours = (fixedHours.compareTo(length) > 0) ? length : fixedHours.setScale(2, RoundingMode.DOWN);
			return new HoursResult(hours, "servicerecord.rule.fixed", List.of(plain(fixedHours), measured));
		}
		String suffix = capped ? "-capped" : "";
		if (this.buckets.isEmpty()) {
			BigDecimal hours = exact(counted);
			return new HoursResult(hours, "servicerecord.rule.exact" + suffix,
					List.of(measured, plain(hours), clock(sessionLength)));
		}
		long minutes = counted.toMinutes();
		long whole = minutes / 60;
		int rest = (int) (minutes % 60);
		BigDecimal part = BigDecimal.ZERO;
		if (rest > 0) {
			for (Bucket bucket : this.buckets) {
				if (rest < bucket.belowMinutes()) {
					part = bucket.hours();
					break;
				}
			}
		}
		BigDecimal hours = BigDecimal.valueOf(whole).add(part).setScale(2, RoundingMode.DOWN);
		return new HoursResult(hours, "servicerecord.rule.rounded" + suffix,
				List.of(measured, plain(hours), bucketsText(), clock(sessionLength)));
	}

	/** Hours to a hundredth, rounded down. */
	static BigDecimal exact(Duration duration) {
		return BigDecimal.valueOf(duration.toMinutes()).divide(SIXTY, 2, RoundingMode.DOWN);
	}

	/** A duration as {@code h:mm}. */
	static String clock(Duration duration) {
		long minutes = duration.toMinutes();
		return (minutes / 60) + ":" + String.format("%02d", minutes % 60);
	}

	private static String plain(BigDecimal hours) {
		return hours.stripTrailingZeros().toPlainString();
	}

}
