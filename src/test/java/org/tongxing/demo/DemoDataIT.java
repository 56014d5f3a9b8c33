package org.tongxing.demo;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.tongxing.account.AccountView;
import org.tongxing.account.Accounts;
import org.tongxing.account.Role;
import org.tongxing.account.SignedInAccount;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitType;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.support.IntegrationTest;
import org.tongxing.volunteer.VolunteerStatus;
import org.tongxing.volunteer.VolunteerView;
import org.tongxing.volunteer.Volunteers;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DemoDataIT {

	@Autowired
	DemoData data;

	@Autowired
	Units units;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoVolunteers volunteers;

	@Autowired
	Volunteers registry;

	@Test
	void loadingTwiceMoreAddsNothing() {
		long units = count("unit");
		long accounts = count("account");
		long audit = count("audit_entry");
		assertThat(this.data.loadOnce()).isFalse();
		assertThat(this.data.loadOnce()).isFalse();
		assertThat(count("unit")).isEqualTo(units);
		assertThat(count("account")).isEqualTo(accounts);
		assertThat(count("audit_entry")).isEqualTo(audit);
		assertThat(this.jdbc.sql("select count(*) from data_load where name = 'demo-organisation'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theSeedsAssociationIsTheRoot() {
		List<UnitView> all = this.units.list(UnitScope.everything(false));
		UnitView root = all.get(0);
		assertThat(root.isRoot()).isTrue();
		assertThat(root.name()).isEqualTo("外交部青年志愿者协会");
		assertThat(all).filteredOn((unit) -> unit.type() == UnitType.MISSION_ABROAD)
			.extracting(UnitView::timeZone)
			.contains("America/New_York", "Europe/Paris", "Africa/Johannesburg");
		assertThat(all).extracting(UnitView::name).contains("协调员办公室", "非洲司", "外交学院", "吾心社", "领事司青年志愿者小组");
	}

	@Test
	void wuxinAdminSeesTheUniversityAndItsSocietyOnly() {
		AccountView admin = this.accounts.findByUsername("admin.wuxin").orElseThrow();
		SignedInAccount signedIn = new SignedInAccount(admin.id().value(), admin.username(), admin.displayName(),
				"{noop}x", admin.roles(), true, false);
		assertThat(this.units.list(this.units.scopeOf(signedIn))).extracting(UnitView::name)
			.containsExactly("外交学院", "吾心社");
	}

	@Test
	void everyDemoRoleHasAnAccount() {
		assertThat(this.accounts.findByUsername("coordinator").orElseThrow().has(Role.COORDINATOR)).isTrue();
		assertThat(this.accounts.findByUsername("leader").orElseThrow().has(Role.LEADERSHIP)).isTrue();
		assertThat(this.accounts.findByUsername("volunteer").orElseThrow().has(Role.VOLUNTEER)).isTrue();
		assertThat(this.accounts.findByUsername("admin.africa")).isPresent();
	}

	@Test
	void bannerNamesTheUrlAndEveryDemoAccount() {
		String banner = DemoDataLoader.banner("http://localhost:9999");
		assertThat(banner).contains("http://localhost:9999", "tongxing-demo-2026", "coordinator", "leader",
				"admin.wuxin", "admin.africa", "volunteer");
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@Test
	void aboutTwelveHundredVolunteersWithApplicantsAbroadAndADrive() {
		assertThat(this.volunteers.loadOnce()).isFalse();
		assertThat(this.jdbc
			.sql("select count(*) from volunteer where source <> 'IMPORT' and email like '%@demo.tongxing.invalid'")
			.query(Long.class)
			.single()).isEqualTo(DemoVolunteers.COUNT);
		assertThat(this.jdbc.sql(
				"select count(*) from volunteer v join unit u on u.id = v.unit_id where v.status = 'APPLICANT' and u.name = '吾心社'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(15);
		assertThat(this.jdbc.sql(
				"select count(*) from volunteer v join recruitment_drive d on d.id = v.drive_id where d.code = 'wuxin-2026'")
			.query(Long.class)
			.single()).isEqualTo(15);
		assertThat(this.jdbc.sql("select count(*) from volunteer where country is not null and time_zone is not null")
			.query(Long.class)
			.single()).isGreaterThan(20);
		assertThat(this.jdbc.sql("select count(*) from volunteer where guardian_name is not null")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void theDemoVolunteerAccountIsAnActiveVolunteer() {
		AccountView account = this.accounts.findByUsername("volunteer").orElseThrow();
		VolunteerView volunteer = this.registry.findByAccount(account.id()).orElseThrow();
		assertThat(volunteer.status()).isEqualTo(VolunteerStatus.ACTIVE);
		assertThat(volunteer.number()).startsWith("TX");
	}

}
