package org.tongxing.account.domain;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
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

	@Query(value = """
			select a from Account a
			where ?1 = ''
			   or lower(a.username) like lower(concat('%', ?1, '%'))
			   or lower(a.displayName) like lower(concat('%', ?1, '%'))
			   or lower(a.email) like lower(concat('%', ?1, '%'))
			order by a.username""", countQuery = """
			select count(a) from Account a
			where ?1 = ''
			   or lower(a.username) like lower(concat('%', ?1, '%'))
			   or lower(a.displayName) like lower(concat('%', ?1, '%'))
			   or lower(a.email) like lower(concat('%', ?1, '%'))""")
	Page<Account> searchPage(String text, Pageable page);

	/** Locks the row so that concurrent role changes are applied one after the other. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.id = ?1")
	Optional<Account> findForUpdate(long id);

}
