package ccc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import ccc.client.connect.ConfluentCloudConnectClient;
import ccc.client.connect.KafkaConnectClient;
import ccc.client.iam.IamClient;
import ccc.client.kafkarest.KafkaRestClient;
import ccc.client.schemaregistry.SchemaRegistryClient;
import ccc.client.vault.VaultClient;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering the README states: command line → output → engine → targets → API clients → the
 * pure plan engine and its safety rules → the configuration model, with the secret registry and
 * CccException beneath them all; the sandbox (a local Kafka for the 'local' environment) is used
 * by the command line only. No arrow points up, and no package cycle exists.
 */
class ArchitectureTest {

    static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ccc");
    }

    @Test
    void layersOnlyPointDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("ccc.cli..")
                .layer("output").definedBy("ccc.output..")
                .layer("engine").definedBy("ccc.engine..")
                .layer("sandbox").definedBy("ccc.sandbox..")
                .layer("target").definedBy("ccc.targets..")
                .layer("client").definedBy("ccc.client..")
                .layer("plan").definedBy("ccc.plan..")
                .layer("config").definedBy("ccc.config..")
                .layer("foundation").definedBy("ccc", "ccc.secret..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("output").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("cli", "output")
                .whereLayer("sandbox").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("target").mayOnlyBeAccessedByLayers("cli", "engine")
                .whereLayer("client").mayOnlyBeAccessedByLayers("cli", "output", "engine", "target")
                .whereLayer("plan").mayOnlyBeAccessedByLayers("cli", "output", "engine", "target", "client")
                .whereLayer("config").mayOnlyBeAccessedByLayers("cli", "output", "engine", "sandbox", "target", "client",
                        "plan")
                .check(production);
    }

    @Test
    void noPackageCycles() {
        slices().matching("ccc.(**)").should().beFreeOfCycles().check(production);
    }

    @Test
    void thePlanEngineIsPure() {
        noClasses().that().resideInAPackage("ccc.plan..")
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "picocli..", "dev.failsafe..",
                        "io.github.jopenlibs..", "java.net..", "java.nio.file..", "java.io..")
                .check(production);
    }

    @Test
    void onlyTargetsOpenTheConcreteClients() {
        noClasses().that().resideOutsideOfPackages("ccc.targets..", "ccc.client..")
                .should().dependOnClassesThat(JavaClass.Predicates.belongToAnyOf(ConfluentCloudConnectClient.class,
                        KafkaConnectClient.class, IamClient.class, VaultClient.class, KafkaRestClient.class,
                        SchemaRegistryClient.class))
                .because("a new kind of remote is one new session class in ccc.targets plus its client")
                .check(production);
    }
}
