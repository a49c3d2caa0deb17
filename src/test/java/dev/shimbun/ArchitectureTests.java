package dev.shimbun;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Package by feature: a feature's repository is its own business. */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.shimbun");

	@Test
	void repositoriesAreUsedOnlyInTheirOwnFeature() {
		for (String feature : new String[] { "article", "category", "comment", "ranking" }) {
			noClasses().that()
				.resideOutsideOfPackage("dev.shimbun." + feature + "..")
				.should()
				.dependOnClassesThat(
						resideInAPackage("dev.shimbun." + feature + "..").and(assignableTo(Repository.class)))
				.as("only the " + feature + " feature uses its repositories")
				.check(this.classes);
		}
	}

	@Test
	void controllersDoNotUseRepositories() {
		noClasses().that()
			.areAnnotatedWith(Controller.class)
			.should()
			.dependOnClassesThat()
			.areAssignableTo(Repository.class)
			.check(this.classes);
	}

}
