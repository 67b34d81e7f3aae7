@NullMarked
package io.moonknight.billing.web;

import org.jspecify.annotations.NullMarked;
