/**
 * Page forms: input read field by field, with a message in Chinese beside each field that could not be
 * read, so every module's pages answer a wrong entry the same way. Depends on no other module.
 */
package org.lantian.platform.forms;
