package org.tongxing.servicerecord.domain;

import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signing secrets, made once in the database (the first node to need one wins) and shared
 * by every node, so that a code shown by one node is accepted by another.
 */
@Component
public class Secrets {

	private final JdbcClient jdbc;

	private final ConcurrentHashMap<String, byte[]> cache = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	Secrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public byte[] get(String name) {
		return this.cache.computeIfAbsent(name, this::load).clone();
	}

	private byte[] load(String name) {
		byte[] fresh = new byte[32];
		this.random.nextBytes(fresh);
		this.jdbc.sql("insert into servicerecord_secret (name, secret) values (?, ?) on conflict (name) do nothing")
			.params(name, fresh)
			.update();
		return this.jdbc.sql("select secret from servicerecord_secret where name = ?")
			.param(name)
			.query(byte[].class)
			.single();
	}

}
