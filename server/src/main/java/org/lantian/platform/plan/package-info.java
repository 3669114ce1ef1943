/**
 * The year's plan and its supervision (方案调度): the plan as data — tasks with lead units and deadlines
 * (annex 5), projects by county and enterprise (annexes 1–4), numeric targets — the progress the units report
 * and the office reviews, each item's status derived from them, and the watch that reminds before deadlines and
 * turns an overdue task into an instruction to its lead unit.
 */
package org.lantian.platform.plan;
