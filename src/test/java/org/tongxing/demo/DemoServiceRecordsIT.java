package org.tongxing.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.tongxing.account.AccountView;
import org.tongxing.account.Accounts;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.EntryKind;
import org.tongxing.servicerecord.EntryStatus;
import org.tongxing.servicerecord.EntryView;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.servicerecord.StarLevels;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's service records: the demo volunteer has confirmed hours past her first star
 * and one pending record, and 吾心社's admin has overdue records to confirm.
 */
@IntegrationTest
class DemoServiceRecordsIT {

	@Autowired
	ServiceRecords records;

	@Autowired
	StarLevels stars;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Units units;

	@Test
	void theDemoVolunteerHasAHistoryAndHerFirstStar() {
		VolunteerView volunteer = this.accounts.findByUsername("volunteer")
			.flatMap((account) -> this.volunteers.findByAccount(account.id()))
			.orElseThrow();
		BigDecimal total = this.records.total(volunteer.id());
		assertThat(total).isGreaterThanOrEqualTo(new BigDecimal("100"));
		assertThat(this.stars.levelFor(total)).isEqualTo(1);
		List<EntryView> history = this.records.history(volunteer.id());
		assertThat(history).filteredOn((entry) -> entry.kind() == EntryKind.SESSION).hasSize(6);
		assertThat(history).filteredOn(EntryView::isPending).hasSize(1);
		assertThat(history).filteredOn((entry) -> entry.kind() == EntryKind.SELF_DECLARED)
			.allMatch((entry) -> entry.status() == EntryStatus.CONFIRMED);
	}

	@Test
	void theWuxinAdminHasOverdueRecords() {
		AccountView found = this.accounts.findByUsername("admin.wuxin").orElseThrow();
		SignedInAccount admin = new SignedInAccount(found.id().value(), found.username(), found.displayName(),
				"{noop}x", found.roles(), true, false);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		assertThat(this.records.pending(this.units.scopeOf(admin))).filteredOn((entry) -> entry.isOverdueOn(today))
			.hasSizeGreaterThanOrEqualTo(8);
	}

}
