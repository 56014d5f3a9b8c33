package org.tongxing.organisation;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.tongxing.account.AccountId;
import org.tongxing.account.AccountView;
import org.tongxing.account.Accounts;
import org.tongxing.account.NewAccount;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;

/**
 * Uniquely named units and accounts for integration tests, made through the modules'
 * APIs.
 */
final class OrganisationFixture {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	static final UnitScope SYSTEM = UnitScope.everything(true);

	private final Units units;

	private final Accounts accounts;

	final String tag;

	OrganisationFixture(Units units, Accounts accounts) {
		this.units = units;
		this.accounts = accounts;
		this.tag = "t" + System.nanoTime() % 1_000_000 + "x" + COUNTER.incrementAndGet();
	}

	UnitId root() {
		return this.units.list(SYSTEM).stream().filter(UnitView::isRoot).findFirst().orElseThrow().id();
	}

	UnitId department(UnitId parent, String name) {
		return this.units.create(SYSTEM, parent,
				UnitDetails.of(name + "-" + this.tag, "Dept " + name + " " + this.tag, UnitType.DEPARTMENT));
	}

	String name(String name) {
		return name + "-" + this.tag;
	}

	SignedInAccount account(String name, Role... roles) {
		String username = name + "." + this.tag;
		AccountId id = this.accounts.create(new NewAccount(username, "Test " + username, username + "@test.invalid",
				"Correct-horse-42", Set.of(roles), false));
		AccountView view = this.accounts.find(id).orElseThrow();
		return new SignedInAccount(id.value(), view.username(), view.displayName(), "{noop}unused", view.roles(), true,
				false);
	}

}
