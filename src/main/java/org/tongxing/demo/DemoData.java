package org.tongxing.demo;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.account.NewAccount;
import org.tongxing.account.Role;
import org.tongxing.organisation.UnitDetails;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitType;
import org.tongxing.organisation.Units;

/**
 * The seed's association (外交部青年志愿者协会) with its units and the demo accounts.
 */
@Component
class DemoData {

	static final String DATA_SET = "demo-organisation";

	/**
	 * Public by design: the demo accounts exist to be tried by anyone running the demo;
	 * demo mode is off on a production database unless switched on.
	 */
	static final String PASSWORD = "tongxing-demo-2026";

	/** The demo accounts, in the order they are printed at start-up. */
	static final String[][] ACCOUNTS = { { "coordinator", "COORDINATOR" }, { "leader", "LEADERSHIP" },
			{ "admin.wuxin", "UNIT_ADMIN 外交学院 / 吾心社" }, { "admin.africa", "UNIT_ADMIN 非洲司" },
			{ "volunteer", "VOLUNTEER" } };

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Units units;

	DemoData(JdbcClient jdbc, Accounts accounts, Units units) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.units = units;
	}

	/**
	 * Loads the data set unless it was loaded before. The marker row is written in the
	 * same transaction as the data, and its primary key makes a second node starting at
	 * the same time wait and then add nothing.
	 * @return whether the data was loaded now
	 */
	@Transactional
	public boolean loadOnce() {
		if (!claim(this.jdbc, DATA_SET)) {
			return false;
		}
		load();
		log.info("Loaded the demo data set '{}'", DATA_SET);
		return true;
	}

	/**
	 * Marks a data set as loaded, in the caller's transaction.
	 * @return whether it was not loaded before (and the caller loads it now)
	 */
	static boolean claim(JdbcClient jdbc, String dataSet) {
		return jdbc.sql("insert into data_load (name) values (:name) on conflict (name) do nothing")
			.param("name", dataSet)
			.update() == 1;
	}

	private void load() {
		UnitScope system = UnitScope.everything(true);
		UnitId association = this.units.createRoot(system,
				new UnitDetails("外交部青年志愿者协会", "MFA Youth Volunteers Association", "外青协", UnitType.ASSOCIATION, null,
						null, null, "成立于2013年4月23日，由部内部属单位、驻外使领馆和基层团青组织的青年志愿者组成。", "协调员办公室"));
		unit(system, association, "协调员办公室", "Coordinator Office", UnitType.DEPARTMENT);

		UnitId general = unit(system, association, "办公厅", "General Office", UnitType.DEPARTMENT);
		branchWithGroup(system, general, "办公厅", "General Office");
		UnitId asia = unit(system, association, "亚洲司", "Department of Asian Affairs", UnitType.DEPARTMENT);
		branchWithGroup(system, asia, "亚洲司", "Department of Asian Affairs");
		UnitId africa = unit(system, association, "非洲司", "Department of African Affairs", UnitType.DEPARTMENT);
		branchWithGroup(system, africa, "非洲司", "Department of African Affairs");
		unit(system, association, "欧亚司", "Department of European-Central Asian Affairs", UnitType.DEPARTMENT);
		UnitId consular = unit(system, association, "领事司", "Department of Consular Affairs", UnitType.DEPARTMENT);
		branchWithGroup(system, consular, "领事司", "Department of Consular Affairs");

		UnitId university = unit(system, association, "外交学院", "China Foreign Affairs University",
				UnitType.AFFILIATED_UNIT);
		unit(system, university, "吾心社", "Wuxin Society", UnitType.SCHOOL_SOCIETY);
		unit(system, association, "中国国际问题研究院", "China Institute of International Studies", UnitType.AFFILIATED_UNIT);
		unit(system, association, "外交部服务局", "MFA Service Bureau", UnitType.AFFILIATED_UNIT);

		this.units.create(system, association,
				UnitDetails.mission("驻美国使馆", "Embassy in the United States", "美国", "华盛顿", "America/New_York"));
		this.units.create(system, association,
				UnitDetails.mission("驻法国使馆", "Embassy in France", "法国", "巴黎", "Europe/Paris"));
		this.units.create(system, association,
				UnitDetails.mission("驻南非使馆", "Embassy in South Africa", "南非", "比勒陀利亚", "Africa/Johannesburg"));

		account("coordinator", "协调员（演示）", Role.COORDINATOR);
		account("leader", "会长（演示）", Role.LEADERSHIP);
		AccountId wuxin = account("admin.wuxin", "外交学院管理员（演示）", Role.VOLUNTEER);
		AccountId africaAdmin = account("admin.africa", "非洲司管理员（演示）", Role.VOLUNTEER);
		account("volunteer", "志愿者（演示）", Role.VOLUNTEER);
		this.units.appointAdmin(system, university, wuxin);
		this.units.appointAdmin(system, africa, africaAdmin);
	}

	private UnitId unit(UnitScope scope, UnitId parent, String name, String nameEn, UnitType type) {
		return this.units.create(scope, parent, UnitDetails.of(name, nameEn, type));
	}

	private void branchWithGroup(UnitScope scope, UnitId department, String name, String nameEn) {
		UnitId branch = unit(scope, department, name + "团支部", nameEn + " Youth League Branch",
				UnitType.GRASSROOTS_BRANCH);
		unit(scope, branch, name + "青年志愿者小组", nameEn + " Volunteer Group", UnitType.VOLUNTEER_GROUP);
	}

	private AccountId account(String username, String displayName, Role role) {
		// An account of that name may exist already (e.g. a first coordinator from
		// configuration).
		return this.accounts.findByUsername(username)
			.map((existing) -> existing.id())
			.orElseGet(() -> this.accounts.create(new NewAccount(username, displayName,
					username + "@demo.tongxing.invalid", PASSWORD, Set.of(role), false)));
	}

}
