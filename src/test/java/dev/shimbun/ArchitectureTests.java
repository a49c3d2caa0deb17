package dev.shimbun;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture the README describes, checked on the compiled classes: features (the
 * packages under {@code dev.shimbun}) depend one way, a feature's storage is its own
 * business, and controllers are reached only through their mappings.
 */
class ArchitectureTests {

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.shimbun");

	@Test
	void featuresDependOneWay() {
		slices().matching("dev.shimbun.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	/**
	 * A repository is a Spring Data repository or a class that runs SQL itself
	 * ({@code JdbcTemplate}, {@code NamedParameterJdbcTemplate}, {@code JdbcClient}).
	 * Only its own feature uses it; other features ask that feature's services. (The
	 * {@code database} package holds the connection itself, a {@code DataSource}, not
	 * tables.)
	 */
	@Test
	void repositoriesAreUsedOnlyInTheirOwnFeature() {
		classes().that(areRepositories())
			.should(beUsedOnlyInTheirOwnFeature())
			.as("repositories, JPA or JDBC, are used only in their own feature")
			.check(CLASSES);
	}

	@Test
	void controllersDoNotUseRepositories() {
		noClasses().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.dependOnClassesThat(areRepositories())
			.check(CLASSES);
	}

	@Test
	void controllersArePackagePrivate() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.bePackagePrivate()
			.check(CLASSES);
	}

	static DescribedPredicate<JavaClass> areRepositories() {
		return new DescribedPredicate<>("are repositories") {
			@Override
			public boolean test(JavaClass type) {
				if (type.isAssignableTo(Repository.class)) {
					return true;
				}
				return type.getDirectDependenciesFromSelf()
					.stream()
					.map((dependency) -> dependency.getTargetClass().getName())
					.anyMatch((name) -> name.equals(JdbcTemplate.class.getName())
							|| name.equals(NamedParameterJdbcTemplate.class.getName())
							|| name.equals(JdbcClient.class.getName()));
			}
		};
	}

	static ArchCondition<JavaClass> beUsedOnlyInTheirOwnFeature() {
		return new ArchCondition<>("be used only in their own feature") {
			@Override
			public void check(JavaClass repository, ConditionEvents events) {
				String feature = feature(repository);
				repository.getDirectDependenciesToSelf()
					.stream()
					.filter((dependency) -> !feature.equals(feature(dependency.getOriginClass())))
					.forEach((dependency) -> events
						.add(SimpleConditionEvent.violated(dependency, dependency.getDescription())));
			}
		};
	}

	/**
	 * The feature of a class: the package under {@code dev.shimbun}, or "" for the root.
	 */
	static String feature(JavaClass type) {
		String name = type.getPackageName();
		if (!name.startsWith("dev.shimbun.")) {
			return name;
		}
		String rest = name.substring("dev.shimbun.".length());
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

}
