@NullMarked
package io.moonknight.network.domain;

import org.jspecify.annotations.NullMarked;
