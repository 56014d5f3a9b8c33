package org.tongxing.activity.browse;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.tongxing.organisation.UnitClosed;
import org.tongxing.organisation.UnitCreated;
import org.tongxing.organisation.UnitDetailsChanged;
import org.tongxing.organisation.UnitMoved;
import org.tongxing.organisation.UnitReopened;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;

/**
 * The display names of every unit in the reader's language, for the activity list's cards
 * and unit filter. Reading the whole unit tree for each list request cost as much as the
 * list itself, so the names are kept in memory on each node: dropped when a unit is
 * created, renamed, moved, closed or reopened on this node (again after that transaction
 * commits), re-read when a card names a unit they do not know, and at the latest after
 * {@code tongxing.activity.browse.unit-names-ttl} (for changes made on another node).
 */
@Component
class UnitNames {

	private final Units units;

	private final Cache<String, Map<Long, String>> byLanguage;

	UnitNames(Units units, @Value("${tongxing.activity.browse.unit-names-ttl:PT1M}") Duration ttl) {
		this.units = units;
		this.byLanguage = Caffeine.newBuilder().maximumSize(8).expireAfterWrite(ttl).build();
	}

	/**
	 * The names of every unit by id; read again first when one of {@code needed} is
	 * missing (a unit made on another node).
	 */
	Map<Long, String> names(Locale locale, Collection<Long> needed) {
		String language = (locale != null && "en".equals(locale.getLanguage())) ? "en" : "zh";
		Map<Long, String> names = this.byLanguage.get(language, (key) -> read(locale));
		if (!names.keySet().containsAll(needed)) {
			this.byLanguage.invalidateAll();
			names = this.byLanguage.get(language, (key) -> read(locale));
		}
		return names;
	}

	private Map<Long, String> read(Locale locale) {
		Map<Long, String> names = new HashMap<>();
		for (UnitView view : this.units.list(UnitScope.everything(false))) {
			names.put(view.id().value(), view.displayName(locale));
		}
		return Map.copyOf(names);
	}

	@EventListener({ UnitCreated.class, UnitDetailsChanged.class, UnitMoved.class, UnitClosed.class,
			UnitReopened.class })
	void unitChanged() {
		this.byLanguage.invalidateAll();
		// a request between now and the commit may read the old names back in
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					UnitNames.this.byLanguage.invalidateAll();
				}
			});
		}
	}

}
