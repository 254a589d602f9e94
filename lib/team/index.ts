export { readDeploymentConfig, TEAM_REQUIRED_VARS, TeamEnvSchema } from './config'
export type { DeploymentConfig, LocalConfig, TeamConfig } from './config'
export {
  ActionSchema,
  LEAST_ROLE,
  RoleSchema,
  roleAllows,
  SCOPE_ACTIONS,
  SETUP_LINK_ACTIONS,
  TokenScopeSchema,
} from './roles'
export type { Action, Role, TokenScope } from './roles'
export { allows, LOCAL_PRINCIPAL, LOCAL_WORKSPACE_ID, PrincipalSchema } from './principal'
export type { AccessTarget, Principal } from './principal'
