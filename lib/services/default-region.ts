/** Region used when neither a resource nor its stack names one (createHearth's and the validator's). */
export const DEFAULT_REGION = "RegionOne";
