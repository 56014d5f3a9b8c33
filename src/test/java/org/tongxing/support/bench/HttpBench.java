package org.tongxing.support.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import org.tongxing.account.AccountId;

/**
 * What the HTTP benchmarks share: signing in through the form, timing many requests at
 * once (throughput, percentiles, outcomes), the nodes' common arguments.
 */
public final class HttpBench {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private HttpBench() {
	}

	public record Client(AccountId account, String session, String csrf, int port) {
	}

	public record Run(String name, int requests, double seconds, List<Long> nanos, Map<String, Integer> outcomes) {

		public double perSecond() {
			return this.requests / this.seconds;
		}

		public double percentile(double p) {
			List<Long> sorted = new ArrayList<>(this.nanos);
			Collections.sort(sorted);
			return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
		}

	}

	public interface Attempt {

		String run(int index) throws Exception;

	}

	public static Run measure(String name, int concurrency, int requests, Attempt attempt) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(concurrency, HttpBench::daemon);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<long[]>> futures = new ArrayList<>();
		Map<String, Integer> outcomes = new ConcurrentHashMap<>();
		for (int i = 0; i < requests; i++) {
			int index = i;
			futures.add(pool.submit(() -> {
				start.await();
				long t0 = System.nanoTime();
				String outcome;
				try {
					outcome = attempt.run(index);
				}
				catch (Exception ex) {
					outcome = ex.getClass().getSimpleName();
				}
				outcomes.merge(outcome, 1, Integer::sum);
				return new long[] { System.nanoTime() - t0 };
			}));
		}
		long began = System.nanoTime();
		start.countDown();
		List<Long> nanos = new ArrayList<>();
		for (Future<long[]> future : futures) {
			nanos.add(future.get()[0]);
		}
		double seconds = (System.nanoTime() - began) / 1e9;
		pool.shutdown();
		return new Run(name, requests, seconds, nanos, new TreeMap<>(outcomes));
	}

	public static void parallel(int concurrency, int count, Callable<Void> task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(concurrency, HttpBench::daemon);
		List<Future<Void>> futures = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			futures.add(pool.submit(task));
		}
		for (Future<Void> future : futures) {
			future.get();
		}
		pool.shutdown();
	}

	public static Client signIn(HttpClient http, int port, String username, String password, AccountId account,
			String formPage) throws Exception {
		HttpResponse<String> page = http.send(get(port, "/login", null), HttpResponse.BodyHandlers.ofString());
		String cookie = sessionCookie(page).orElseThrow();
		HttpResponse<String> signedIn = http.send(post(port, "/login", cookie, "username=" + encode(username)
				+ "&password=" + encode(password) + "&_csrf=" + encode(csrf(page.body()))),
				HttpResponse.BodyHandlers.ofString());
		String location = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("Sign-in failed: " + signedIn.statusCode() + " " + location);
		}
		String session = sessionCookie(signedIn).orElse(cookie);
		HttpResponse<String> form = http.send(get(port, formPage, session), HttpResponse.BodyHandlers.ofString());
		if (form.statusCode() != 200) {
			throw new IllegalStateException(formPage + " answered " + form.statusCode() + " "
					+ form.headers().firstValue("Location").orElse(""));
		}
		return new Client(account, session, csrf(form.body()), port);
	}

	public static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token on the page");
		}
		return matcher.group(1);
	}

	public static Optional<String> sessionCookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("SESSION="))
			.map((cookie) -> cookie.substring(0, cookie.indexOf(';')))
			.findFirst();
	}

	public static HttpRequest get(int port, String path, String cookie) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(120));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return request.GET().build();
	}

	public static HttpRequest post(int port, String path, String cookie, String form) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(120))
			.header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	public static String[] common(String keys, String hashKey, String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--tongxing.demo.enabled=false",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=9", "--tongxing.personal-data.keys=" + keys,
				"--tongxing.personal-data.current-key=1", "--tongxing.personal-data.hash-key=" + hashKey));
		args.addAll(List.of(more));
		return args.toArray(String[]::new);
	}

	public static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	public static Thread daemon(Runnable runnable) {
		Thread thread = new Thread(runnable);
		thread.setDaemon(true);
		return thread;
	}

	public static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
