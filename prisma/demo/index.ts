export { chengde2023 } from './chengde-2023'
export { laoting2022 } from './laoting-2022'
