package org.tongxing.organisation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class UnitScopeTest {

	@Test
	void subtreeScopeSeesTheUnitAndItsDescendantsOnly() {
		UnitScope scope = UnitScope.subtrees(List.of("/1/5/"));
		assertThat(scope.canSee("/1/5/")).isTrue();
		assertThat(scope.canSee("/1/5/12/")).isTrue();
		assertThat(scope.canSee("/1/")).isFalse();
		assertThat(scope.canSee("/1/50/")).isFalse();
		assertThat(scope.canSee("/1/6/")).isFalse();
	}

	@Test
	void nestedAppointmentsCollapseToTheTopmost() {
		UnitScope scope = UnitScope.subtrees(List.of("/1/5/12/", "/1/5/", "/1/7/"));
		assertThat(scope.subtreePaths()).containsExactlyInAnyOrder("/1/5/", "/1/7/");
	}

	@Test
	void pathPredicateBindsOnePrefixPerSubtree() {
		UnitScope.SqlPredicate predicate = UnitScope.subtrees(List.of("/1/5/", "/1/7/")).pathPredicate("u.path");
		assertThat(predicate.sql()).isEqualTo("(u.path like :unitScopePath0 or u.path like :unitScopePath1)");
		assertThat(predicate.parameters().values()).containsExactlyInAnyOrder("/1/5/%", "/1/7/%");
	}

	@Test
	void nothingAndEverythingAreConstantPredicates() {
		assertThat(UnitScope.nothing().pathPredicate("p")).isEqualTo(new UnitScope.SqlPredicate("false", Map.of()));
		assertThat(UnitScope.everything(false).unitIdPredicate("v.unit_id").sql()).isEqualTo("true");
		assertThat(UnitScope.nothing().seesNothing()).isTrue();
	}

	@Test
	void unitIdPredicateSelectsIdsOfVisibleUnits() {
		UnitScope.SqlPredicate predicate = UnitScope.subtrees(List.of("/1/5/")).unitIdPredicate("v.unit_id");
		assertThat(predicate.sql()).startsWith("v.unit_id in (select scope_unit.id from unit scope_unit where ");
		assertThat(predicate.parameters()).containsValue("/1/5/%");
	}

	@Test
	void onlyACoordinatorScopeAppointsAdminsAndCreatesTheRoot() {
		assertThatNoException().isThrownBy(() -> UnitScope.everything(true).requireCoordinator());
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> UnitScope.everything(false).requireCoordinator());
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> UnitScope.subtrees(List.of("/1/")).requireCoordinator());
		assertThat(UnitScope.everything(true).coordinator()).isTrue();
		assertThat(UnitScope.subtrees(List.of("/1/")).coordinator()).isFalse();
	}

	@Test
	void aCoordinatorManagesEveryUnitAndEverythingBelowIt() {
		UnitScope coordinator = UnitScope.everything(true);
		assertThat(coordinator.mayManage(unit("/1/"))).isTrue();
		assertThat(coordinator.mayManageBelow(unit("/1/"))).isTrue();
		assertThat(coordinator.mayManageBelow(unit("/1/5/"))).isTrue();
		assertThatNoException().isThrownBy(() -> coordinator.requireMayManageBelow(unit("/1/5/")));
	}

	@Test
	void leadershipManagesNothing() {
		UnitScope leadership = UnitScope.everything(false);
		assertThat(leadership.mayManage(unit("/1/5/"))).isFalse();
		assertThat(leadership.mayManageBelow(unit("/1/5/"))).isFalse();
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> leadership.requireMayManage(unit("/1/5/")));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> leadership.requireMayManageBelow(unit("/1/5/")));
	}

	@Test
	void anAdminManagesTheirUnitAndEverythingBelowItOnly() {
		UnitScope admin = UnitScope.subtrees(List.of("/1/5/"));
		assertThat(admin.mayManage(unit("/1/5/"))).isTrue();
		assertThat(admin.mayManage(unit("/1/5/12/"))).isTrue();
		assertThat(admin.mayManage(unit("/1/5/12/30/"))).isTrue();
		assertThat(admin.mayManage(unit("/1/"))).isFalse();
		assertThat(admin.mayManage(unit("/1/50/"))).isFalse();
		assertThat(admin.mayManage(unit("/1/6/"))).isFalse();
		assertThatNoException().isThrownBy(() -> admin.requireMayManage(unit("/1/5/")));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> admin.requireMayManage(unit("/1/6/")));
	}

	@Test
	void anAdminMovesClosesAndReopensOnlyUnitsStrictlyBelowTheirUnit() {
		UnitScope admin = UnitScope.subtrees(List.of("/1/5/"));
		assertThat(admin.mayManageBelow(unit("/1/5/12/"))).isTrue();
		assertThat(admin.mayManageBelow(unit("/1/5/12/30/"))).isTrue();
		assertThat(admin.mayManageBelow(unit("/1/5/"))).isFalse();
		assertThat(admin.mayManageBelow(unit("/1/"))).isFalse();
		assertThat(admin.mayManageBelow(unit("/1/50/"))).isFalse();
		assertThatNoException().isThrownBy(() -> admin.requireMayManageBelow(unit("/1/5/12/")));
		assertThatExceptionOfType(AdministeredUnitException.class)
			.isThrownBy(() -> admin.requireMayManageBelow(unit("/1/5/")))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("organisation.error.administeredUnit"));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> admin.requireMayManageBelow(unit("/1/6/")));
	}

	@Test
	void anAdminOfNestedUnitsManagesTheInnerOneAsPartOfTheOuter() {
		UnitScope admin = UnitScope.subtrees(List.of("/1/5/", "/1/5/12/"));
		assertThat(admin.mayManageBelow(unit("/1/5/12/"))).isTrue();
		assertThat(admin.mayManageBelow(unit("/1/5/"))).isFalse();
	}

	@Test
	void nobodyManagesWithoutAScope() {
		assertThat(UnitScope.nothing().mayManage(unit("/1/"))).isFalse();
		assertThat(UnitScope.nothing().mayManageBelow(unit("/1/5/"))).isFalse();
	}

	private static UnitView unit(String path) {
		String[] ids = path.substring(1).split("/");
		long id = Long.parseLong(ids[ids.length - 1]);
		UnitId parent = (ids.length > 1) ? new UnitId(Long.parseLong(ids[ids.length - 2])) : null;
		return new UnitView(new UnitId(id), parent, path, ids.length - 1, "Unit " + id, null, null,
				(parent != null) ? UnitType.DEPARTMENT : UnitType.ASSOCIATION, null, null, null, null, null,
				UnitStatus.OPEN, null, null);
	}

}
