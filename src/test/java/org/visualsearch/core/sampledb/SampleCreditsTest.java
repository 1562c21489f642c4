package org.visualsearch.core.sampledb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.visualsearch.core.sampledb.PhotoCredit.Kind;

class SampleCreditsTest {

    private static final List<PhotoCredit> CREDITS = SampleCredits.credits(SampleManifest.bundled());

    @Test
    void noPhotoHasAnUnknownOrMissingLicence() {
        assertThat(CREDITS).hasSize(100);
        for (PhotoCredit c : CREDITS) {
            assertThat(c.licences()).as(c.file() + " has a licence the credits can name").isNotEmpty();
            String row = String.join(" ", c.file(), c.authorOrNote(), c.licenceIds(), c.licenceNames(),
                    c.provenance(), c.source().toString()).toLowerCase(Locale.ROOT);
            assertThat(row).as(c.file()).doesNotContain("unknown").doesNotContain("no licence stated");
        }
        assertThat(SampleCredits.markdown(SampleManifest.bundled()).toLowerCase(Locale.ROOT)).doesNotContain("unknown");
    }

    @Test
    void everyPhotoLinksItsSourceAtThePinnedCommit() {
        for (SampleManifest.Entry e : SampleManifest.bundled().entries()) {
            assertThat(PhotoCredit.of(e).source().toString())
                    .startsWith("https://github.com/" + e.sourceRepo() + "/blob/" + e.commit() + "/");
        }
    }

    @Test
    void licencesAreSpelledOutAndAuthorsNamed() {
        PhotoCredit ccBy = credit("dog/dog-12.jpg");
        assertThat(ccBy.author()).isEqualTo("Bev Sykes/Flickr");
        assertThat(ccBy.licenceNames()).isEqualTo("Creative Commons Attribution 2.0 Generic");
        assertThat(ccBy.licences().get(0).url()).hasToString("https://creativecommons.org/licenses/by/2.0/");
        assertThat(ccBy.obligation()).isEqualTo(Kind.ATTRIBUTION);

        PhotoCredit choice = credit("dog/dog-05.jpg");
        assertThat(choice.licenceIds()).isEqualTo("CC BY 2.5 or CC BY-SA 3.0 or GFDL");
        assertThat(choice.author()).isEqualTo("Lokal_Profil");
        assertThat(choice.obligation()).as("the user may pick the easiest of the licences").isEqualTo(Kind.ATTRIBUTION);

        assertThat(credit("dog/dog-06.jpg").obligation()).isEqualTo(Kind.SHARE_ALIKE);
        assertThat(credit("dog/dog-14.jpg").author()).isEqualTo("Alison Pang");
        assertThat(credit("dog/dog-14.jpg").licences().get(0).url()).hasToString("https://unsplash.com/license");
        assertThat(credit("dog/dog-10.jpg").author()).isEqualTo("Portraitlady4306");
        assertThat(credit("food/food-07.jpg").author()).isEqualTo("Daniel Bourke");
        assertThat(credit("vehicle/vehicle-16.jpg").author()).isEqualTo("Arlington County");
        assertThat(credit("vehicle/vehicle-02.jpg").author()).isEmpty(); // "File:X.jpg, per README.md" names no one
        assertThat(credit("clothes/clothes-01.jpg").licenceNames())
                .isEqualTo("Open Software License 3.0 or Academic Free License 3.0");
        assertThat(credit("dog/dog-02.jpg").authorOrNote()).isEqualTo(PhotoCredit.NO_AUTHOR);
        assertThat(credit("dog/dog-02.jpg").provenance()).isEqualTo("repo LICENSE; photo origin not stated");
    }

    @Test
    void summaryCountsPhotosPerLicenceAndSaysWhatSharingAsks() {
        Map<String, Integer> perLicence = SampleCredits.photosPerLicence(CREDITS);
        assertThat(perLicence.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        assertThat(perLicence.get("CC BY 2.0")).isEqualTo(3);

        Map<Kind, Integer> perObligation = SampleCredits.photosPerObligation(CREDITS);
        List<String> rules = SampleCredits.sharingRules(CREDITS);
        assertThat(rules).anySatisfy(r -> assertThat(r)
                .startsWith(perObligation.get(Kind.ATTRIBUTION) + " photos under CC BY").contains("credit the author"));
        assertThat(rules).anySatisfy(r -> assertThat(r)
                .startsWith(perObligation.get(Kind.SHARE_ALIKE) + " photos under CC BY-SA").contains("same licence"));

        String md = SampleCredits.markdown(SampleManifest.bundled());
        assertThat(md.indexOf("## Summary")).isLessThan(md.indexOf("## dog"));
        assertThat(md).contains("| CC BY 2.0 | 3 |")
                .contains("- Unsplash License: [Unsplash License](https://unsplash.com/license)")
                .contains("| dog-12.jpg | Bev Sykes/Flickr | Creative Commons Attribution 2.0 Generic | [");
    }

    @Test
    void committedCreditsFileIsUpToDate() throws Exception {
        // Regenerate with: java -jar target/visual-search.jar sample-db credits > sample-db/CREDITS.md
        Path committed = Path.of("sample-db", "CREDITS.md");
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .isEqualTo(SampleCredits.markdown(SampleManifest.bundled()));
    }

    private static PhotoCredit credit(String file) {
        return SampleManifest.bundled().entries().stream().filter(e -> e.file().equals(file))
                .map(PhotoCredit::of).findFirst().orElseThrow();
    }
}
