package io.isolab.catalog;

import org.commonmark.node.CustomNode;

/** An inline code span that had a {{exec}}/{{copy}} annotation glued to it. */
final class ActionCode extends CustomNode {

    final String literal;
    final CodeAction action;

    ActionCode(String literal, CodeAction action) {
        this.literal = literal;
        this.action = action;
    }
}
