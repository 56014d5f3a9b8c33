package org.tongxing.servicerecord.certificate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.tongxing.account.AccountId;

/**
 * How long issuing one certificate takes (reading the ledger, drawing and storing the
 * PDF, auditing), for the benchmark: {@link #measure} issues {@code warmUps} certificates
 * unmeasured (the first loads the font), then {@code runs} measured ones, one after the
 * other, for the volunteer of the account over the period.
 */
public final class CertificateTiming {

	private CertificateTiming() {
	}

	/** Milliseconds per issue: median, 95th percentile, slowest; the PDF size. */
	public record Result(int runs, double medianMs, double p95Ms, double maxMs, int pdfBytes) {

		@Override
		public String toString() {
			return String.format(java.util.Locale.ROOT,
					"certificate issue: %d runs, median %.1f ms, p95 %.1f ms, max %.1f ms, PDF %d bytes", this.runs,
					this.medianMs, this.p95Ms, this.maxMs, this.pdfBytes);
		}

	}

	public static Result measure(Certificates certificates, AccountId volunteer, LocalDate from, LocalDate to,
			int warmUps, int runs) {
		for (int i = 0; i < warmUps; i++) {
			certificates.issue(volunteer, from, to);
		}
		List<Long> nanos = new ArrayList<>();
		CertificateView last = null;
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			last = certificates.issue(volunteer, from, to);
			nanos.add(System.nanoTime() - start);
		}
		Collections.sort(nanos);
		int bytes = (last != null) ? certificates.pdf(volunteer, last.id()).pdf().length : 0;
		return new Result(runs, ms(nanos.get(nanos.size() / 2)),
				ms(nanos.get(Math.min(nanos.size() - 1, (int) Math.ceil(nanos.size() * 0.95) - 1))),
				ms(nanos.get(nanos.size() - 1)), bytes);
	}

	private static double ms(long nanos) {
		return Duration.ofNanos(nanos).toNanos() / 1_000_000.0;
	}

}
