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
	void onlyACoordinatorScopeMayChangeTheTree() {
		assertThatNoException().isThrownBy(() -> UnitScope.everything(true).requireMayChangeTree());
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> UnitScope.everything(false).requireMayChangeTree());
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> UnitScope.subtrees(List.of("/1/")).requireMayChangeTree());
	}

}
