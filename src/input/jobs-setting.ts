// `--jobs`: how many threads read a large activity file (input/activity-jobs.ts). Apart, with no
// imports, so that the command line sets it without loading the activity reader at start-up.
let jobsSetting: number | undefined;

/** `--jobs`: threads that read an activity file (1: this one only); undefined: the number of cores. */
export function setActivityJobs(jobs: number | undefined): void {
  jobsSetting = jobs;
}

export function activityJobsSetting(): number | undefined {
  return jobsSetting;
}
