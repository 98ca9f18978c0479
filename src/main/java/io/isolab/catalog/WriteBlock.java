package io.isolab.catalog;

import org.commonmark.node.CustomBlock;

/** Katacoda's {@code <pre class="file" data-filename=.. data-target=..>}: a "write to file" block. */
final class WriteBlock extends CustomBlock {

    final String filename;
    final String target;
    final String marker;
    final String content;

    WriteBlock(String filename, String target, String marker, String content) {
        this.filename = filename;
        this.target = target;
        this.marker = marker;
        this.content = content;
    }
}
