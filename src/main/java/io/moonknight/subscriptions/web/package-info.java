@NullMarked
package io.moonknight.subscriptions.web;

import org.jspecify.annotations.NullMarked;
