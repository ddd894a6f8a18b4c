package ccc.plan;

/**
 * One safety rule of the plan engine. It reads the draft plan and returns it with its refusals
 * added and, where the rule decides how a change is carried out (a rename, a prune), its actions
 * adjusted. Rules are pure, like the planner.
 */
interface SafetyRule {

    PlanDraft apply(PlanDraft draft);
}
