@NullMarked
package io.moonknight.network.web;

import org.jspecify.annotations.NullMarked;
