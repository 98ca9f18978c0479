package io.isolab.catalog;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * What lab HTML may contain after Markdown rendering: text formatting, links, images, tables,
 * details/summary, and the code-block/snippet attributes the player acts on. No scripts, no
 * event handlers, no styles: lab files are third-party content (imported scenarios).
 */
final class HtmlPolicy {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre",
                    "code", "em", "strong", "b", "i", "del", "s", "hr", "br", "kbd", "sup", "sub", "dl", "dt",
                    "dd", "table", "thead", "tbody", "tr", "th", "td", "details", "summary", "div", "span",
                    "img", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title").onElements("a")
            .allowAttributes("src", "alt", "title", "width", "height").onElements("img")
            .allowAttributes("align").matching(Pattern.compile("left|right|center")).onElements("th", "td")
            .allowAttributes("start").matching(Pattern.compile("\\d+")).onElements("ol")
            .allowAttributes("open").onElements("details")
            .allowAttributes("class").matching(Pattern.compile("[A-Za-z0-9 _-]+"))
                .onElements("div", "code", "a", "span", "pre")
            .allowAttributes("data-action").matching(Pattern.compile("run|copy|write")).onElements("div", "code")
            .allowAttributes("data-terminal").matching(Pattern.compile("\\d{1,2}")).onElements("div", "code")
            .allowAttributes("data-interrupt").matching(Pattern.compile("true|false")).onElements("div", "code")
            .allowAttributes("data-filename", "data-marker").onElements("div")
            .allowAttributes("data-target").matching(Pattern.compile("replace|append|prepend|insert"))
                .onElements("div")
            .toFactory();

    private HtmlPolicy() {
    }

    static String sanitize(String html) {
        // The sanitizer splits "{{" with an empty comment to stop AngularJS template injection;
        // no Angular runs here and Go templates in commands must read as written.
        return POLICY.sanitize(html).replace("{<!-- -->{", "{{");
    }
}
