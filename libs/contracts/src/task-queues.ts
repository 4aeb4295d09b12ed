/** Temporal task queues. One queue for now; split per region when a deployment needs it. */
export const WORK_POINTS_TASK_QUEUE = 'work-points';
