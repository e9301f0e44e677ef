package com.serviceloop;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The feature modules and their allowed dependencies, as Spring Modulith reads them from the code. */
class ModulesTest {
    static final ApplicationModules MODULES = ApplicationModules.of(ServiceLoopApplication.class);

    @Test
    void modulesDependOnlyOnWhatTheirPackageInfoAllowsAndFormNoCycle() {
        MODULES.verify();
    }

    @Test
    void controllersHoldNoSql() {
        ArchRuleDefinition.noClasses().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.serviceloop"));
    }

    @Test
    void everyModuleSaysWhatItIsFor() throws IOException {
        for (ApplicationModule m : MODULES) {
            Path info = Path.of("src/main/java", m.getBasePackage().getName().replace('.', '/'), "package-info.java");
            assertThat(info).as(m.getIdentifier().toString()).exists();
            assertThat(Files.readString(info)).as(m.getIdentifier().toString()).containsPattern("/\\*\\* [A-Z][^\\n]+\\. \\*/");
        }
    }

    /**
     * Writes docs/modules: a component diagram of all modules, one per module, each module's canvas
     * (the documenter empties the folder first), then the overview.
     */
    @Test
    void writesTheModuleDocumentation() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(Path.of("docs/modules/components.puml")).exists();
        writeOverview();
    }

    /** docs/modules/README.md: each module's purpose and a dependency graph that GitHub draws. */
    private static void writeOverview() throws IOException {
        StringBuilder md = new StringBuilder("""
                # Modules

                Written by `ModulesTest` on every test run from the code itself: each module's sentence comes from its
                `package-info.java`, each arrow from a type one module uses of another (or an event it listens to).
                A dependency a module's `package-info.java` does not allow fails the build.

                | module | package | what it is for |
                |---|---|---|
                """);
        StringBuilder graph = new StringBuilder("```mermaid\nflowchart TD\n");
        for (ApplicationModule m : MODULES) {
            String pkg = m.getBasePackage().getName();
            String info = Files.readString(Path.of("src/main/java", pkg.replace('.', '/'), "package-info.java"));
            String purpose = info.substring(info.indexOf("/** ") + 4, info.indexOf(" */"));
            md.append("| ").append(m.getDisplayName()).append(" | `").append(pkg).append("` | ").append(purpose).append(" |\n");
            m.getDirectDependencies(MODULES).stream().map(d -> d.getTargetModule().getIdentifier().toString())
                    .distinct().sorted()
                    .forEach(t -> graph.append("  ").append(m.getIdentifier()).append(" --> ").append(t).append('\n'));
        }
        md.append("\n").append(graph).append("```\n\nC4 component diagrams (PlantUML): `components.puml` for the whole "
                + "application, `module-<name>.puml` per module; module canvases: `module-<name>.adoc`.\n");
        Files.writeString(Path.of("docs/modules/README.md"), md);
        assertThat(md).contains("casework --> standard");
    }
}
