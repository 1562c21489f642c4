package org.visualsearch.core.sampledb;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One sample photo's credit, read from the manifest's free-text {@code license} column
 * ({@code "CC-BY-2.0 (Wikimedia Commons File:X.jpg, by Bev Sykes/Flickr; per attribution.md)"}):
 * the licence(s) spelled out with a link to their text, the author where the source names one,
 * and a link to the photo's source page at its pinned commit.
 *
 * @param file      the photo's file name, e.g. {@code dog-01.jpg}
 * @param category  its label
 * @param author    who made the photo, empty when the source does not name anyone
 * @param licences  the licences the photo is offered under (several: the user may pick one)
 * @param provenance where the licence is stated (the manifest's text in parentheses), may be empty
 * @param source    the photo's page in its repository, at the pinned commit
 */
public record PhotoCredit(String file, String category, String author, List<Licence> licences,
                          String provenance, URI source) {

    /** Shown when the source names no author: never the word "unknown". */
    public static final String NO_AUTHOR = "not named";

    public PhotoCredit {
        licences = List.copyOf(licences);
    }

    /** A licence the sample photos are offered under. */
    public enum Kind {
        /** No conditions: CC0, public domain. */
        PUBLIC_DOMAIN,
        /** Free use under a photo platform's own licence (Unsplash, Pexels, Pixabay); crediting is appreciated. */
        PLATFORM,
        /** Keep the copyright and licence notice (MIT, Apache, OSL/AFL). */
        NOTICE,
        /** Credit the author (CC BY). */
        ATTRIBUTION,
        /** Credit the author and share adaptations under the same licence (CC BY-SA, GFDL, Free Art License). */
        SHARE_ALIKE
    }

    /**
     * @param id   short name as usually written, e.g. {@code CC BY-SA 4.0}
     * @param name the licence's full name, e.g. {@code Creative Commons Attribution-ShareAlike 4.0 International}
     * @param url  where its text is (linked, never copied)
     */
    public record Licence(String id, String name, Kind kind, URI url) {
    }

    private static final Pattern CC = Pattern.compile("CC-BY(-SA)?-(\\d\\.\\d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BY = Pattern.compile(
            "(?:^|[\\s(])(?:photos? by|donated by|by)\\s+(?:repo author\\s+\\()?([^;,()]+?)\\s*(?:own work)?(?=[;,)]|$)");

    private static final Pattern FILE_THEN_NAME = Pattern.compile("File:[^,;]+, ([A-Z][^,;()]*);");

    /** The credit of one manifest entry. */
    public static PhotoCredit of(SampleManifest.Entry e) {
        String text = e.licence().trim();
        int paren = text.indexOf('(');
        String expression = (paren < 0 ? text : text.substring(0, paren)).trim();
        String provenance = "";
        if (paren >= 0) {
            int close = closing(text, paren);
            String rest = close + 1 < text.length() ? text.substring(close + 1).trim() : "";
            String inner = text.substring(paren + 1, Math.min(close, text.length())).trim();
            provenance = rest.isEmpty() ? inner : inner + (rest.startsWith(";") ? "" : "; ") + rest;
        }
        List<Licence> licences = new ArrayList<>();
        for (String id : expression.split("\\s+OR\\s+|\\s*/\\s*")) {
            parseLicence(id.trim()).ifPresent(licences::add);
        }
        return new PhotoCredit(e.fileName(), e.category(), author(text), licences, provenance, sourcePage(e));
    }

    /** The licences as one line: {@code "CC BY 2.5 or CC BY-SA 3.0 or GFDL"}; "no licence stated" when none. */
    public String licenceIds() {
        return licences.isEmpty() ? "no licence stated"
                : String.join(" or ", licences.stream().map(Licence::id).toList());
    }

    /** The licences' full names, one line. */
    public String licenceNames() {
        return licences.isEmpty() ? "no licence stated"
                : String.join(" or ", licences.stream().map(Licence::name).toList());
    }

    /** The author, or {@link #NO_AUTHOR}. */
    public String authorOrNote() {
        return author.isEmpty() ? NO_AUTHOR : author;
    }

    /**
     * The most demanding condition the user must meet when sharing the photo: with a choice of
     * licences ("A or B") the easiest one counts, since the user may pick it.
     */
    public Kind obligation() {
        return licences.stream().map(Licence::kind).min(Enum::compareTo).orElse(Kind.NOTICE);
    }

    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    static String author(String licenceText) {
        Matcher m = BY.matcher(licenceText);
        if (!m.find()) {
            // "File:X.jpg, Arlington County; per ...": Wikimedia's credit line names the author without "by".
            Matcher named = FILE_THEN_NAME.matcher(licenceText);
            return named.find() ? named.group(1).trim() : "";
        }
        String a = m.group(1).trim();
        // "by Portraitlady4306, own work" and "repo author (Daniel Bourke)" keep just the name.
        return a.replaceAll("\\s+own work$", "");
    }

    /** The photo's page on its repository host at the pinned commit; the download URL when the manifest lacks them. */
    static URI sourcePage(SampleManifest.Entry e) {
        if (e.sourceRepo().isEmpty() || e.commit().isEmpty() || e.sourcePath().isEmpty()) {
            return e.url();
        }
        String path = String.join("/", java.util.Arrays.stream(e.sourcePath().split("/"))
                .map(PhotoCredit::encodeSegment).toList());
        return URI.create("https://github.com/" + e.sourceRepo() + "/blob/" + e.commit() + "/" + path);
    }

    private static String encodeSegment(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Optional<Licence> parseLicence(String id) {
        Matcher cc = CC.matcher(id);
        if (cc.matches()) {
            boolean sa = cc.group(1) != null;
            String version = cc.group(2);
            String port = switch (version) {
                case "4.0" -> " International";
                case "3.0" -> " Unported";
                default -> " Generic";
            };
            String shortName = "CC BY" + (sa ? "-SA" : "") + " " + version;
            return Optional.of(new Licence(shortName,
                    "Creative Commons Attribution" + (sa ? "-ShareAlike " : " ") + version + port,
                    sa ? Kind.SHARE_ALIKE : Kind.ATTRIBUTION,
                    URI.create("https://creativecommons.org/licenses/" + (sa ? "by-sa/" : "by/") + version + "/")));
        }
        return Optional.ofNullable(switch (id.toLowerCase(Locale.ROOT)) {
            case "cc0-1.0" -> new Licence("CC0 1.0", "Creative Commons Zero 1.0 Universal (public domain dedication)",
                    Kind.PUBLIC_DOMAIN, URI.create("https://creativecommons.org/publicdomain/zero/1.0/"));
            case "public domain mark 1.0" -> new Licence("Public Domain Mark 1.0",
                    "Public Domain Mark 1.0 (no known copyright)", Kind.PUBLIC_DOMAIN,
                    URI.create("https://creativecommons.org/publicdomain/mark/1.0/"));
            case "public domain" -> new Licence("Public domain", "Public domain (released by its author)",
                    Kind.PUBLIC_DOMAIN, URI.create("https://commons.wikimedia.org/wiki/Commons:Copyright_tags/Public_domain"));
            case "unsplash license" -> new Licence("Unsplash License", "Unsplash License", Kind.PLATFORM,
                    URI.create("https://unsplash.com/license"));
            case "pexels license" -> new Licence("Pexels License", "Pexels License", Kind.PLATFORM,
                    URI.create("https://www.pexels.com/license/"));
            case "pixabay content license" -> new Licence("Pixabay Content License", "Pixabay Content License",
                    Kind.PLATFORM, URI.create("https://pixabay.com/service/license-summary/"));
            case "mit" -> new Licence("MIT", "MIT License", Kind.NOTICE, URI.create("https://opensource.org/license/mit"));
            case "apache-2.0" -> new Licence("Apache-2.0", "Apache License 2.0", Kind.NOTICE,
                    URI.create("https://www.apache.org/licenses/LICENSE-2.0"));
            case "osl-3.0" -> new Licence("OSL-3.0", "Open Software License 3.0", Kind.NOTICE,
                    URI.create("https://opensource.org/license/osl-3-0"));
            case "afl-3.0" -> new Licence("AFL-3.0", "Academic Free License 3.0", Kind.NOTICE,
                    URI.create("https://opensource.org/license/afl-3-0-php"));
            case "gfdl" -> new Licence("GFDL", "GNU Free Documentation License", Kind.SHARE_ALIKE,
                    URI.create("https://www.gnu.org/licenses/fdl-1.3.html"));
            case "free art license" -> new Licence("Free Art License", "Free Art License (Licence Art Libre)",
                    Kind.SHARE_ALIKE, URI.create("https://artlibre.org/licence/lal/en/"));
            default -> null;
        });
    }
}
