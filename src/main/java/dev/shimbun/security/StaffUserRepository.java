package dev.shimbun.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface StaffUserRepository extends JpaRepository<StaffUser, Long> {

	Optional<StaffUser> findByUsername(String username);

	boolean existsByUsername(String username);

	List<StaffUser> findAllByOrderByUsernameAsc();

	long countByRoleAndEnabledTrue(StaffRole role);

}
