/**
 * The SNDS tables the demo lineage is drawn at, by product (the table names of the SNDS data dictionary;
 * `aa`/`nn` and `AAAA`/`N` stand for the year and the release, as the dictionary writes them).
 */
export const sndsTables = {
  BENEFICIAIRE: [
    'IR_BEN_R', 'IR_IBA_R',
  ],
  CARTOGRAPHIE_PATHOLOGIES: [
    'CT_DEP_AAAA_GN', 'CT_IDE_AAAA_GN', 'CT_IND_AAAA_GN',
  ],
  CAUSES_DE_DECES: [
    'KI_CCI_R', 'KI_ECD_R',
  ],
  DCIR: [
    'ER_ANO_F', 'ER_ARO_F', 'ER_BIO_F', 'ER_CAM_F', 'ER_CPT_F', 'ER_DCT_F', 'ER_DTR_F', 'ER_ETE_F', 'ER_INV_F',
    'ER_LOT_F', 'ER_PHA_F', 'ER_PRS_F', 'ER_RAT_F', 'ER_TIP_F', 'ER_TRS_F', 'ER_UCD_F',
  ],
  DCIRS: [
    'NS_BIO_F', 'NS_CAM_F', 'NS_DTR_F', 'NS_INV_F', 'NS_PHA_F', 'NS_PRS_F', 'NS_RAT_F', 'NS_TIP_F', 'NS_TRS_F',
    'NS_UCD_F',
  ],
  DCIR_DCIRS: [
    'DA_PRA_R', 'IR_ACS_R', 'IR_ETM_R', 'IR_IMB_R', 'IR_MAT_R', 'IR_MTT_R', 'IR_ORC_R',
  ],
  PMSI_HAD: [
    'T_HADaa_nnA', 'T_HADaa_nnB', 'T_HADaa_nnC', 'T_HADaa_nnD', 'T_HADaa_nnDMPA', 'T_HADaa_nnDMPP', 'T_HADaa_nnE',
    'T_HADaa_nnEHPA', 'T_HADaa_nnFA', 'T_HADaa_nnFB', 'T_HADaa_nnFC', 'T_HADaa_nnFH', 'T_HADaa_nnFI', 'T_HADaa_nnFL',
    'T_HADaa_nnFM', 'T_HADaa_nnFP', 'T_HADaa_nnGRE', 'T_HADaa_nnGRP', 'T_HADaa_nnMED', 'T_HADaa_nnMEDATU',
    'T_HADaa_nnMEDCHL', 'T_HADaa_nnS', 'T_HADaa_nnSTC',
  ],
  PMSI_MCO: [
    'T_MCOaa_nnA', 'T_MCOaa_nnB', 'T_MCOaa_nnC', 'T_MCOaa_nnCSTC', 'T_MCOaa_nnD', 'T_MCOaa_nnDIALP',
    'T_MCOaa_nnDMIP', 'T_MCOaa_nnE', 'T_MCOaa_nnFA', 'T_MCOaa_nnFASTC', 'T_MCOaa_nnFB', 'T_MCOaa_nnFBSTC',
    'T_MCOaa_nnFC', 'T_MCOaa_nnFCSTC', 'T_MCOaa_nnFH', 'T_MCOaa_nnFHSTC', 'T_MCOaa_nnFI', 'T_MCOaa_nnFL',
    'T_MCOaa_nnFLSTC', 'T_MCOaa_nnFM', 'T_MCOaa_nnFMSTC', 'T_MCOaa_nnFP', 'T_MCOaa_nnFPSTC', 'T_MCOaa_nnGV2018',
    'T_MCOaa_nnIVG', 'T_MCOaa_nnMED', 'T_MCOaa_nnMEDATU', 'T_MCOaa_nnMEDTHROMBO', 'T_MCOaa_nnPIE', 'T_MCOaa_nnPORG',
    'T_MCOaa_nnSTC', 'T_MCOaa_nnUM', 'T_MCOaa_nnUPGV', 'T_MCOaa_nnVALO', 'T_MCOaa_nnVALOACE', 'T_MCOaa_nnZ',
  ],
  PMSI_RIMP: [
    'T_RIPaa_nnC', 'T_RIPaa_nnCCAM', 'T_RIPaa_nnE', 'T_RIPaa_nnFA', 'T_RIPaa_nnFB', 'T_RIPaa_nnFC', 'T_RIPaa_nnFH',
    'T_RIPaa_nnFI', 'T_RIPaa_nnFL', 'T_RIPaa_nnFM', 'T_RIPaa_nnFP', 'T_RIPaa_nnISOCONT', 'T_RIPaa_nnR3AD',
    'T_RIPaa_nnRSA', 'T_RIPaa_nnRSAD', 'T_RIPaa_nnS', 'T_RIPaa_nnSTC',
  ],
  PMSI_SSR: [
    'T_SSRaa_nnB', 'T_SSRaa_nnC', 'T_SSRaa_nnCCAM', 'T_SSRaa_nnCSARR', 'T_SSRaa_nnCSTC', 'T_SSRaa_nnD',
    'T_SSRaa_nnE', 'T_SSRaa_nnFA', 'T_SSRaa_nnFASTC', 'T_SSRaa_nnFB', 'T_SSRaa_nnFBSTC', 'T_SSRaa_nnFC',
    'T_SSRaa_nnFCSTC', 'T_SSRaa_nnFH', 'T_SSRaa_nnFI', 'T_SSRaa_nnFL', 'T_SSRaa_nnFLSTC', 'T_SSRaa_nnFM',
    'T_SSRaa_nnFMSTC', 'T_SSRaa_nnFP', 'T_SSRaa_nnGME', 'T_SSRaa_nnLEG', 'T_SSRaa_nnMED', 'T_SSRaa_nnMEDATU',
    'T_SSRaa_nnS', 'T_SSRaa_nnSTC',
  ],
} as const;

export type SndsProduct = keyof typeof sndsTables;
