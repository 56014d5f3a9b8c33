package org.tongxing.account.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import org.tongxing.account.Role;

public interface AccountRepository extends JpaRepository<Account, Long> {

	@Query("select a from Account a where lower(a.username) = lower(?1)")
	Optional<Account> findByUsername(String username);

	@Query("select a from Account a where lower(a.email) = lower(?1)")
	Optional<Account> findByEmail(String email);

	@Query("select count(a) > 0 from Account a join a.roles r where r = ?1 and a.enabled = true")
	boolean existsEnabledWithRole(Role role);

	@Query("""
			select a from Account a
			where lower(a.username) like lower(concat('%', ?1, '%'))
			   or lower(a.displayName) like lower(concat('%', ?1, '%'))
			   or lower(a.email) like lower(concat('%', ?1, '%'))
			order by a.username""")
	List<Account> search(String text, org.springframework.data.domain.Pageable page);

}
