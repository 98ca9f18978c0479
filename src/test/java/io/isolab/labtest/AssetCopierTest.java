package io.isolab.labtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.isolab.catalog.Asset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssetCopierTest {
    @TempDir
    Path lab;

    private void file(String path) throws Exception {
        Path p = lab.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, path);
    }

    private List<String> targets(Asset... assets) throws Exception {
        return AssetCopier.resolve(lab, List.of(assets)).files().stream().map(AssetCopier.AssetFile::target).toList();
    }

    @Test
    void aSingleFileGoesIntoTheTargetDirectory() throws Exception {
        file("assets/wait.sh");
        AssetCopier.Resolved r = AssetCopier.resolve(lab, List.of(new Asset("assets/wait.sh", "/usr/local/bin/", "+x")));
        assertThat(r.files()).singleElement().satisfies(f -> {
            assertThat(f.local()).isEqualTo(lab.resolve("assets/wait.sh").toAbsolutePath().normalize());
            assertThat(f.target()).isEqualTo("/usr/local/bin/wait.sh");
            assertThat(f.chmod()).isEqualTo("+x");
        });
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void homeAndRelativeTargetsAreRootsHome() throws Exception {
        file("assets/conf.yaml");
        assertThat(targets(new Asset("assets/conf.yaml", "~/", null))).containsExactly("/root/conf.yaml");
        assertThat(targets(new Asset("assets/conf.yaml", "~", null))).containsExactly("/root/conf.yaml");
        assertThat(targets(new Asset("assets/conf.yaml", "app", null))).containsExactly("/root/app/conf.yaml");
    }

    @Test
    void globsMatchRelativeToTheLabAndKeepSubfoldersBelowTheirFixedPart() throws Exception {
        file("assets/app1/a.json");
        file("assets/app1/deep/b.json");
        file("assets/app1/c.txt");
        file("assets/top.json");
        assertThat(targets(new Asset("assets/**/*.json", "/all", null)))
                .containsExactlyInAnyOrder("/all/app1/a.json", "/all/app1/deep/b.json");
        assertThat(targets(new Asset("assets/app1/*", "/one", "755")))
                .containsExactlyInAnyOrder("/one/a.json", "/one/c.txt");
        assertThat(targets(new Asset("assets/*.json", "/t/", null))).containsExactly("/t/top.json");
    }

    @Test
    void aMissingFileIsAWarningNotAFailure() throws Exception {
        AssetCopier.Resolved r = AssetCopier.resolve(lab, List.of(new Asset("assets/k8s.sh", "/root", null),
                new Asset("assets/*.none", "/root", null)));
        assertThat(r.files()).isEmpty();
        assertThat(r.warnings()).hasSize(2).first().asString().contains("assets/k8s.sh");
    }

    @Test
    void sourcesLeavingTheLabAndOddChmodsAreRefused() throws Exception {
        Files.writeString(lab.getParent().resolve("secret-" + lab.getFileName()), "x");
        assertThatThrownBy(() -> AssetCopier.resolve(lab, List.of(new Asset("../secret-" + lab.getFileName(), "/root", null))))
                .hasMessageContaining("outside the lab folder");
        file("assets/a.sh");
        assertThatThrownBy(() -> AssetCopier.resolve(lab, List.of(new Asset("assets/a.sh", "/root", "+x; rm -rf /"))))
                .hasMessageContaining("chmod");
    }
}
