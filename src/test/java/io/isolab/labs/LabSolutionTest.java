package io.isolab.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.isolab.catalog.Catalog;
import io.isolab.catalog.Lab;
import io.isolab.labtest.LabReport;
import io.isolab.labtest.LabTestKit;
import io.isolab.labtest.LabTestSettings;
import io.isolab.labtest.LabTester;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every lab in labs/ solved by its own solutions in a real sandbox: each step's checks must fail
 * before its solution and pass after. One test per lab, run one after another (sandboxes are big
 * and the box is small). Needs a running agent: ISOLAB_AGENT_URL and ISOLAB_AGENT_TOKEN, which
 * scripts/test.sh and scripts/test-labs.sh provide.
 */
class LabSolutionTest {
    private static final Path LABS = Path.of("labs");
    private static Catalog catalog;
    private static LabTestKit kit;
    private static String missingAgent;

    @BeforeAll
    static void setUp() {
        catalog = new Catalog(LABS, Duration.ofDays(1));
        try {
            kit = LabTestKit.fromEnvironment(System.getenv());
        } catch (IllegalStateException e) {
            missingAgent = e.getMessage();
        }
    }

    @AfterAll
    static void tearDown() {
        if (kit != null) kit.close();
    }

    @Test
    void everyLabLoads() {
        assertThat(Files.isDirectory(LABS)).as("labs/ folder next to pom.xml").isTrue();
        assertThat(catalog.problems()).as("lab problems (./isolab lint)").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyLabIsSolvedByItsOwnSolutions() {
        return catalog.labs().stream().map(lab -> DynamicTest.dynamicTest(lab.id(), () -> solve(lab)));
    }

    private static void solve(Lab lab) {
        if (missingAgent != null) fail(missingAgent);
        LabTester tester = new LabTester(kit.agent(), kit.checker(), LabTestSettings.defaults(),
                line -> System.out.println("[labtest] " + line));
        LabReport report = tester.test(lab);
        if (!report.passed()) fail(report.failureText());
    }
}
